print 'text'
